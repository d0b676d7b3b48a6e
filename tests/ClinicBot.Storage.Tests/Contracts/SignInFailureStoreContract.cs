using ClinicBot.Staff.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>
/// What every <see cref="ISignInFailureStore"/> does: counts failures per key atomically (hosts at once lose none),
/// starts again after the memory, forgets stale keys and a cleared key.
/// </summary>
public abstract class SignInFailureStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Record_ThreeTimes_CountsThreeWithTheLastTime()
    {
        var store = Get<ISignInFailureStore>();
        var key = NewId("key");

        await store.RecordAsync(key, At, At.AddHours(-24), default);
        await store.RecordAsync(key, At.AddSeconds(1), At.AddHours(-24), default);
        var third = await store.RecordAsync(key, At.AddSeconds(2), At.AddHours(-24), default);

        Assert.Equal(new SignInFailures(3, At.AddSeconds(2)), third);
        Assert.Equal(new SignInFailures(3, At.AddSeconds(2)), await store.FindAsync(key, default));
        Assert.Null(await store.FindAsync(NewId("key"), default));
    }

    [Fact]
    public async Task Record_AfterTheMemory_StartsAgainAndForgetsOtherStaleKeys()
    {
        var store = Get<ISignInFailureStore>();
        var key = NewId("key");
        var stale = NewId("stale");
        await store.RecordAsync(key, At, At.AddHours(-24), default);
        await store.RecordAsync(key, At, At.AddHours(-24), default);
        await store.RecordAsync(stale, At, At.AddHours(-24), default);

        var later = At.AddHours(25);
        var again = await store.RecordAsync(key, later, later.AddHours(-24), default);

        Assert.Equal(1, again.Count);
        Assert.Null(await store.FindAsync(stale, default));
    }

    [Fact]
    public async Task Clear_ForgetsTheKeyOnly()
    {
        var store = Get<ISignInFailureStore>();
        var cleared = NewId("key");
        var kept = NewId("key");
        await store.RecordAsync(cleared, At, At.AddHours(-24), default);
        await store.RecordAsync(kept, At, At.AddHours(-24), default);

        await store.ClearAsync(cleared, default);

        Assert.Null(await store.FindAsync(cleared, default));
        Assert.Equal(1, (await store.FindAsync(kept, default))!.Count);
    }

    [Fact]
    public async Task Record_FromTwoHostsAtOnce_LosesNoFailure()
    {
        var key = NewId("key");
        var hosts = new[] { NewHost(), NewHost() };

        var counts = await RaceAsync(hosts, 10, (host, _) => host.GetRequiredService<ISignInFailureStore>().RecordAsync(key, At, At.AddHours(-24), default));

        Assert.Equal(Enumerable.Range(1, 10), counts.Select(c => c.Count).Order());
        Assert.Equal(10, (await Get<ISignInFailureStore>().FindAsync(key, default))!.Count);
    }
}
