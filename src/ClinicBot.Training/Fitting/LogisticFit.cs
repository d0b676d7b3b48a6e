using ClinicBot.Answering.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClinicBot.Training.Fitting;

/// <summary>A binary logistic regression fitted by ML.NET (L-BFGS, one thread, fixed seed: the same rows give the same head).</summary>
internal static class LogisticFit
{
    public static LinearHead Fit(IReadOnlyList<string> featureNames, IReadOnlyList<(float[] Features, bool Label)> rows, float l2)
    {
        var ml = new MLContext(seed: 7);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureNames.Count);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = r.Features, Label = r.Label }), schema);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = l2,
            L1Regularization = 0,
            NumberOfThreads = 1,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
        }).Fit(data);
        var parameters = model.Model.SubModel;
        return new LinearHead(featureNames, parameters.Weights.ToArray(), parameters.Bias);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
