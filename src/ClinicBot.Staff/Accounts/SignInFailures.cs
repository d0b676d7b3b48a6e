namespace ClinicBot.Staff.Accounts;

/// <summary>How many sign-ins failed under one key, and when the last did.</summary>
public sealed record SignInFailures(int Count, DateTimeOffset LastAt);
