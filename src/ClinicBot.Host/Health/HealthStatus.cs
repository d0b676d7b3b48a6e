namespace ClinicBot.Host.Health;

/// <summary>The body of the health endpoints.</summary>
/// <param name="Status"><c>alive</c>, <c>ready</c>, or why the host is not ready.</param>
/// <param name="Articles">How many articles are loaded, once ready.</param>
/// <param name="Spooled">Escalations waiting in the spool for the database (readiness only).</param>
internal sealed record HealthStatus(string Status, int? Articles, int? Spooled = null);
