using ClinicBot.Staff.Accounts;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IStaffAccountStore"/> does: one account per email, its sign-in state kept.</summary>
public abstract class StaffAccountStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Add_SameEmailTwice_KeepsTheFirstAndItsSignInState()
    {
        var store = Get<IStaffAccountStore>();
        var email = $"{NewId("nurse")}@clinic.example";

        Assert.True(await store.AddAsync(new StaffAccount(email, "Nurse Joy", "hash-1", 0, null), default));
        Assert.False(await store.AddAsync(new StaffAccount(email, "Someone Else", "hash-2", 0, null), default));
        await store.UpdateSignInStateAsync(email, 5, At.AddMinutes(15), default);

        Assert.Equal(new StaffAccount(email, "Nurse Joy", "hash-1", 5, At.AddMinutes(15)), await store.FindAsync(email, default));
        await store.UpdateSignInStateAsync(email, 0, null, default);
        Assert.Equal(new StaffAccount(email, "Nurse Joy", "hash-1", 0, null), await store.FindAsync(email, default));
        Assert.Null(await store.FindAsync("nobody@clinic.example", default));
    }
}
