using ClinicBot.Staff.Accounts;

namespace ClinicBot.Staff.Tests.Accounts;

public sealed class StaffAccountServiceTests : IDisposable
{
    private readonly StaffHost _host = new();

    private StaffAccountService Accounts => _host.Get<StaffAccountService>();

    [Fact]
    public async Task SignIn_RightPassword_Succeeds_AndOnlyAHashIsStored()
    {
        Assert.Null(await Accounts.CreateAsync("Nurse@Clinic.example", "Nurse Joy", "correct horse battery", CancellationToken.None));

        var (outcome, account) = await Accounts.SignInAsync("nurse@clinic.example", "correct horse battery", CancellationToken.None);

        Assert.Equal(SignInOutcome.Success, outcome);
        Assert.Equal("Nurse Joy", account!.Name);
        var stored = await _host.Get<IStaffAccountStore>().FindAsync("nurse@clinic.example", CancellationToken.None);
        Assert.DoesNotContain("correct horse", stored!.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksUntilLockoutEnds()
    {
        await Accounts.CreateAsync("dr@clinic.example", "Dr Who", "correct horse battery", CancellationToken.None);
        for (var i = 0; i < 5; i++) await Accounts.SignInAsync("dr@clinic.example", "wrong password!!", CancellationToken.None);

        var locked = await Accounts.SignInAsync("dr@clinic.example", "correct horse battery", CancellationToken.None);
        _host.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = await Accounts.SignInAsync("dr@clinic.example", "correct horse battery", CancellationToken.None);

        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.Equal(SignInOutcome.Success, later.Outcome);
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
}
