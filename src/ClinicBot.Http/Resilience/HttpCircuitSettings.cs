namespace ClinicBot.Http.Resilience;

/// <summary>
/// A circuit breaker: once <paramref name="FailureRatio"/> of at least <paramref name="MinimumThroughput"/> calls in
/// <paramref name="SamplingDuration"/> failed (5xx, 408, a network error or a timeout; a 429 is the server asking us to
/// slow down, not failing), calls fail at once for <paramref name="BreakDuration"/>.
/// </summary>
public sealed record HttpCircuitSettings(double FailureRatio, int MinimumThroughput, TimeSpan SamplingDuration, TimeSpan BreakDuration)
{
    /// <summary>Half the calls of at least 10 in 30 seconds; open for <paramref name="breakDuration"/>.</summary>
    public static HttpCircuitSettings Default(TimeSpan breakDuration) => new(0.5, 10, TimeSpan.FromSeconds(30), breakDuration);
}
