using ClinicBot.Staff.Accounts;

namespace ClinicBot.Staff.Tests.Accounts;

/// <summary>Accounts made, reset, disabled and enabled: what each does to signing in and to sessions.</summary>
public sealed class StaffAccountServiceTests : IDisposable
{
    private const string Password = "correct horse battery";
    private const string Office = "198.51.100.9";
    private readonly StaffHost _host = new();

    private StaffAccountService Accounts => _host.Get<StaffAccountService>();

    private StaffSessions Sessions => _host.Get<StaffSessions>();

    [Fact]
    public async Task SignIn_RightPassword_Succeeds_AndOnlyAHashIsStored()
    {
        Assert.Null(await Accounts.CreateAsync("Nurse@Clinic.example", "Nurse Joy", Password, CancellationToken.None));

        var result = await SignInAsync("nurse@clinic.example", Password);

        Assert.Equal(SignInOutcome.Success, result.Outcome);
        Assert.Equal("Nurse Joy", result.Account!.Name);
        var stored = await _host.Get<IStaffAccountStore>().FindAsync("nurse@clinic.example", CancellationToken.None);
        Assert.DoesNotContain("correct horse", stored!.PasswordHash, StringComparison.Ordinal);
        Assert.True(await Sessions.IsCurrentAsync(stored.Email, result.Account.SecurityStamp, CancellationToken.None));
    }

    [Fact]
    public async Task SignOut_EndsTheSessionsIssuedBefore()
    {
        await Accounts.CreateAsync("out@clinic.example", "Out", Password, CancellationToken.None);
        var before = (await SignInAsync("out@clinic.example", Password)).Account!;

        await Sessions.SignOutAsync("out@clinic.example", CancellationToken.None);
        var after = (await SignInAsync("out@clinic.example", Password)).Account!;

        Assert.False(await Sessions.IsCurrentAsync("out@clinic.example", before.SecurityStamp, CancellationToken.None));
        Assert.True(await Sessions.IsCurrentAsync("out@clinic.example", after.SecurityStamp, CancellationToken.None));
    }

    [Fact]
    public async Task ResetPassword_OldPasswordAndSessionsStop_NewPasswordWorks()
    {
        await Accounts.CreateAsync("reset@clinic.example", "Reset", Password, CancellationToken.None);
        var before = (await SignInAsync("reset@clinic.example", Password)).Account!;

        Assert.Null(await Accounts.ResetPasswordAsync("RESET@clinic.example", "a brand new password", CancellationToken.None));

        Assert.False(await Sessions.IsCurrentAsync("reset@clinic.example", before.SecurityStamp, CancellationToken.None));
        Assert.Equal(SignInOutcome.Invalid, (await SignInAsync("reset@clinic.example", Password)).Outcome);
        Assert.Equal(SignInOutcome.Success, (await SignInAsync("reset@clinic.example", "a brand new password")).Outcome);
        Assert.NotNull(await Accounts.ResetPasswordAsync("reset@clinic.example", "short", CancellationToken.None));
        Assert.NotNull(await Accounts.ResetPasswordAsync("nobody@clinic.example", "a brand new password", CancellationToken.None));
    }

    [Fact]
    public async Task Disable_RightPasswordIsRefusedAsIfWrong_SessionsStop_UntilEnabled()
    {
        await Accounts.CreateAsync("gone@clinic.example", "Gone", Password, CancellationToken.None);
        var before = (await SignInAsync("gone@clinic.example", Password)).Account!;

        Assert.Null(await Accounts.DisableAsync("gone@clinic.example", CancellationToken.None));
        var whileDisabled = await SignInAsync("gone@clinic.example", Password);
        Assert.Null(await Accounts.EnableAsync("gone@clinic.example", CancellationToken.None));
        var enabled = await SignInAsync("gone@clinic.example", Password);

        Assert.False(await Sessions.IsCurrentAsync("gone@clinic.example", before.SecurityStamp, CancellationToken.None));
        Assert.Equal(SignInOutcome.Invalid, whileDisabled.Outcome);
        Assert.Equal(SignInOutcome.Success, enabled.Outcome);
        // The session from before the disable stays ended after the enable.
        Assert.False(await Sessions.IsCurrentAsync("gone@clinic.example", before.SecurityStamp, CancellationToken.None));
        Assert.NotNull(await Accounts.DisableAsync("nobody@clinic.example", CancellationToken.None));
    }

    [Theory]
    [InlineData("not-an-email", "Name", "long enough password")]
    [InlineData("a@clinic.example", " ", "long enough password")]
    [InlineData("a@clinic.example", "Name", "short")]
    public async Task Create_BadInput_IsRefusedWithReason(string email, string name, string password)
    {
        Assert.NotNull(await Accounts.CreateAsync(email, name, password, CancellationToken.None));
    }

    [Fact]
    public async Task Create_SameEmailTwice_SecondIsRefused()
    {
        Assert.Null(await Accounts.CreateAsync("twice@clinic.example", "A", "long enough password", CancellationToken.None));
        Assert.NotNull(await Accounts.CreateAsync("TWICE@clinic.example", "B", "long enough password", CancellationToken.None));
    }

    public void Dispose() => _host.Dispose();

    private Task<SignInResult> SignInAsync(string email, string password) =>
        _host.Get<StaffSignInService>().SignInAsync(email, password, Office, CancellationToken.None);
}
