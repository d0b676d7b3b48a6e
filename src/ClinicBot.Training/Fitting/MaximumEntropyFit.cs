using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace ClinicBot.Training.Fitting;

/// <summary>
/// Fits a multinomial logistic regression with ML.NET's L-BFGS maximum-entropy trainer (one thread, fixed seed, so the
/// same examples always give the same weights) and hands back its weights and biases per label, in label order.
/// </summary>
internal static class MaximumEntropyFit
{
    public static (IReadOnlyList<string> Labels, float[][] Weights, float[] Bias) Fit(IReadOnlyList<(float[] Features, string Label)> rows, float l2)
    {
        var length = rows[0].Features.Length;
        var ml = new MLContext(seed: 7);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = r.Features, Label = r.Label }), schema);

        var pipeline = ml.Transforms.Conversion
            .MapValueToKey(nameof(Row.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                L2Regularization = l2,
                L1Regularization = 0,
                NumberOfThreads = 1,
                OptimizationTolerance = 1e-7f,
                MaximumNumberOfIterations = 2000,
            }));
        var model = pipeline.Fit(data);

        VBuffer<ReadOnlyMemory<char>> keys = default;
        model.Transform(data).Schema[nameof(Row.Label)].GetKeyValues(ref keys);
        var labels = keys.DenseValues().Select(k => k.ToString()).ToList();

        VBuffer<float>[] weights = [];
        var parameters = model.LastTransformer.Model;
        parameters.GetWeights(ref weights, out var classes);
        var bias = parameters.GetBiases().ToArray();
        if (classes != labels.Count) throw new InvalidOperationException($"ML.NET returned {classes} classes for {labels.Count} labels.");
        return (labels, weights.Select(w => w.DenseValues().ToArray()).ToArray(), bias);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }
}
