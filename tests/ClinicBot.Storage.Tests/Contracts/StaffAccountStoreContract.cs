using ClinicBot.Staff.Accounts;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IStaffAccountStore"/> does: one account per email; its password, stamp and disabled state changed in place.</summary>
public abstract class StaffAccountStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Add_SameEmailTwice_KeepsTheFirst()
    {
        var store = Get<IStaffAccountStore>();
        var email = $"{NewId("nurse")}@clinic.example";

        Assert.True(await store.AddAsync(new StaffAccount(email, "Nurse Joy", "hash-1", "stamp-1", null), default));
        Assert.False(await store.AddAsync(new StaffAccount(email, "Someone Else", "hash-2", "stamp-2", null), default));

        Assert.Equal(new StaffAccount(email, "Nurse Joy", "hash-1", "stamp-1", null), await store.FindAsync(email, default));
        Assert.Null(await store.FindAsync("nobody@clinic.example", default));
    }

    [Fact]
    public async Task SetPasswordDisabledAndStamp_ChangeOnlyWhatTheySay()
    {
        var store = Get<IStaffAccountStore>();
        var email = $"{NewId("dr")}@clinic.example";
        await store.AddAsync(new StaffAccount(email, "Dr Who", "hash-1", "stamp-1", null), default);

        Assert.True(await store.SetPasswordAsync(email, "hash-2", "stamp-2", default));
        Assert.Equal(new StaffAccount(email, "Dr Who", "hash-2", "stamp-2", null), await store.FindAsync(email, default));
        Assert.True(await store.SetDisabledAsync(email, At, "stamp-3", default));
        Assert.Equal(new StaffAccount(email, "Dr Who", "hash-2", "stamp-3", At), await store.FindAsync(email, default));
        Assert.True(await store.SetSecurityStampAsync(email, "stamp-4", default));
        Assert.True(await store.SetDisabledAsync(email, null, "stamp-5", default));
        Assert.Equal(new StaffAccount(email, "Dr Who", "hash-2", "stamp-5", null), await store.FindAsync(email, default));
    }

    [Fact]
    public async Task Changes_UnknownEmail_ReturnFalse()
    {
        var store = Get<IStaffAccountStore>();

        Assert.False(await store.SetPasswordAsync("nobody@clinic.example", "hash", "stamp", default));
        Assert.False(await store.SetDisabledAsync("nobody@clinic.example", At, "stamp", default));
        Assert.False(await store.SetSecurityStampAsync("nobody@clinic.example", "stamp", default));
    }
}
