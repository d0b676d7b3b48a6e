namespace ClinicBot.Staff.Console;

/// <summary>Body of <c>POST /api/staff/sign-in</c>.</summary>
public sealed record SignInRequest(string? Email, string? Password);

/// <summary>Body of <c>POST /api/staff/escalations/{id}/reply</c>.</summary>
public sealed record StaffReplyRequest(string? Text);
