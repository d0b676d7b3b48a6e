using System.Diagnostics;
using System.Globalization;

namespace ClinicBot.Benchmarks.Measurement;

/// <summary>
/// Wall-clock latencies of single calls, timed with <see cref="Stopwatch"/>, and their distribution. The load reports
/// use it because BenchmarkDotNet gives means and medians per invocation, not the p99 of single calls.
/// </summary>
internal sealed class LatencySamples
{
    private readonly List<double> _milliseconds = [];
    private bool _sorted = true;

    /// <summary>How many calls were timed.</summary>
    public int Count => _milliseconds.Count;

    /// <summary>The mean, in milliseconds.</summary>
    public double Mean => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Average();

    /// <summary>The slowest call, in milliseconds.</summary>
    public double Max => Percentile(1.0);

    /// <summary>All the samples of several sets, as one.</summary>
    public static LatencySamples Merge(params IEnumerable<LatencySamples> parts)
    {
        var merged = new LatencySamples();
        foreach (var part in parts) merged._milliseconds.AddRange(part._milliseconds);
        merged._sorted = merged._milliseconds.Count == 0;
        return merged;
    }

    /// <summary>Times one call and keeps its result.</summary>
    public T Time<T>(Func<T> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = call();
        _milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        _sorted = false;
        return result;
    }

    /// <summary>The latency below which a share <paramref name="p"/> (0 to 1) of the calls fall, in milliseconds (nearest rank).</summary>
    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0) return double.NaN;
        if (!_sorted)
        {
            _milliseconds.Sort();
            _sorted = true;
        }

        return _milliseconds[(int)Math.Min(_milliseconds.Count - 1, Math.Round(p * (_milliseconds.Count - 1)))];
    }

    /// <summary>"p50 x ms p99 y ms mean z ms".</summary>
    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(0.50):0.000} ms p99 {Percentile(0.99):0.000} ms mean {Mean:0.000} ms");
}
