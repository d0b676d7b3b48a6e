using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Testing;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> while the code under test waits on it. The fake clock fakes timers too: a
/// retry delay, an attempt timeout or a <c>Task.Delay(…, time)</c> on the registered clock ends only when the test
/// advances it. A test that expects such a wait runs the call through <see cref="AdvanceUntilDoneAsync{T}"/>, so the
/// wait takes no real time and its length is the test's, not the machine's.
/// </summary>
public static class FakeClockDriver
{
    // How long the call gets, in real time, to reach its next wait before the clock is moved again.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Awaits <paramref name="call"/>, advancing <paramref name="clock"/> by <paramref name="step"/> each time it has
    /// not finished after a short real-time pause; fails if it is still running after <paramref name="maxSteps"/> steps.
    /// </summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(this FakeTimeProvider clock, Task<T> call, TimeSpan step, int maxSteps = 1000)
    {
        for (var steps = 0; steps < maxSteps; steps++)
        {
            if (await Task.WhenAny(call, Task.Delay(Settle, TimeProvider.System)) == call) return await call;
            clock.Advance(step);
        }

        if (await Task.WhenAny(call, Task.Delay(Settle, TimeProvider.System)) == call) return await call;
        throw new TimeoutException($"The call was still waiting after the fake clock moved {maxSteps} × {step}.");
    }
}
