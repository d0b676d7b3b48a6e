using ClinicBot.Staff.Accounts;

namespace ClinicBot.Staff.Tests.Accounts;

/// <summary>
/// The sign-in backoff on the real store, with the defaults (5 failures on an account from one address, 20 from one
/// address, 30 s doubling up to 15 minutes): a stranger's failures hold back only the stranger's address; the waits grow
/// and end; an unknown email is held back exactly as a known one.
/// </summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Attacker = "203.0.113.7";
    private const string Office = "198.51.100.9";
    private readonly StaffHost _host = new();

    public async Task InitializeAsync() =>
        Assert.Null(await _host.Get<StaffAccountService>().CreateAsync("nurse@clinic.example", "Nurse Joy", Password, CancellationToken.None));

    [Fact]
    public async Task FiveFailuresFromOneAddress_ThatAddressWaits_TheOwnerFromHerOwnAddressSignsIn()
    {
        for (var i = 0; i < 5; i++) Assert.Equal(SignInOutcome.Invalid, (await SignInAsync("nurse@clinic.example", "wrong password!!", Attacker)).Outcome);

        var attacker = await SignInAsync("nurse@clinic.example", Password, Attacker);
        var owner = await SignInAsync("nurse@clinic.example", Password, Office);

        Assert.Equal(SignInOutcome.Throttled, attacker.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), attacker.RetryAfter);
        Assert.Equal(SignInOutcome.Success, owner.Outcome);
    }

    [Fact]
    public async Task FailuresPastTheLimit_DoubleTheWait_ThenItEnds()
    {
        for (var i = 0; i < 5; i++) await SignInAsync("nurse@clinic.example", "wrong password!!", Attacker);
        _host.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(SignInOutcome.Invalid, (await SignInAsync("nurse@clinic.example", "wrong password!!", Attacker)).Outcome);

        var doubled = await SignInAsync("nurse@clinic.example", Password, Attacker);
        _host.Clock.Advance(TimeSpan.FromSeconds(60));
        var after = await SignInAsync("nurse@clinic.example", Password, Attacker);

        Assert.Equal(SignInOutcome.Throttled, doubled.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(60), doubled.RetryAfter);
        Assert.Equal(SignInOutcome.Success, after.Outcome);
    }

    [Fact]
    public async Task UnknownEmail_IsHeldBackExactlyAsAKnownOne()
    {
        for (var i = 0; i < 5; i++)
        {
            var known = await SignInAsync("nurse@clinic.example", "wrong password!!", Attacker);
            var unknown = await SignInAsync("nobody@clinic.example", "wrong password!!", Attacker);
            Assert.Equal(known, unknown);
        }

        Assert.Equal(await SignInAsync("nurse@clinic.example", "wrong password!!", Attacker), await SignInAsync("nobody@clinic.example", "wrong password!!", Attacker));
    }

    [Fact]
    public async Task TwentyFailuresOnManyEmailsFromOneAddress_ThatAddressWaitsForAnyEmail_OthersDoNot()
    {
        for (var i = 0; i < 20; i++) await SignInAsync($"guess{i}@clinic.example", "wrong password!!", Attacker);

        var attacker = await SignInAsync("nurse@clinic.example", Password, Attacker);
        var owner = await SignInAsync("nurse@clinic.example", Password, Office);

        Assert.Equal(SignInOutcome.Throttled, attacker.Outcome);
        Assert.Equal(SignInOutcome.Success, owner.Outcome);
    }

    [Fact]
    public async Task SuccessfulSignIn_ForgetsThatAccountsFailuresFromThatAddress()
    {
        for (var i = 0; i < 4; i++) await SignInAsync("nurse@clinic.example", "wrong password!!", Office);
        Assert.Equal(SignInOutcome.Success, (await SignInAsync("nurse@clinic.example", Password, Office)).Outcome);

        Assert.Equal(SignInOutcome.Invalid, (await SignInAsync("nurse@clinic.example", "wrong password!!", Office)).Outcome);
        Assert.Equal(SignInOutcome.Success, (await SignInAsync("nurse@clinic.example", Password, Office)).Outcome);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    private Task<SignInResult> SignInAsync(string email, string password, string address) =>
        _host.Get<StaffSignInService>().SignInAsync(email, password, address, CancellationToken.None);
}
