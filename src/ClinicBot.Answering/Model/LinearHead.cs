namespace ClinicBot.Answering.Model;

/// <summary>A logistic regression over named features: the probability is the sigmoid of the weighted sum.</summary>
/// <param name="Features">The feature names, in the order of <paramref name="Weights"/>.</param>
/// <param name="Weights">One weight a feature.</param>
/// <param name="Bias">The intercept.</param>
public sealed record LinearHead(IReadOnlyList<string> Features, IReadOnlyList<float> Weights, float Bias)
{
    /// <summary>The probability for a feature vector of the same length as <see cref="Weights"/>.</summary>
    public double Probability(ReadOnlySpan<float> features)
    {
        if (features.Length != Weights.Count) throw new ArgumentException($"Expected {Weights.Count} features, got {features.Length}.", nameof(features));
        double z = Bias;
        for (var i = 0; i < features.Length; i++) z += Weights[i] * features[i];
        return 1.0 / (1.0 + Math.Exp(-z));
    }
}
