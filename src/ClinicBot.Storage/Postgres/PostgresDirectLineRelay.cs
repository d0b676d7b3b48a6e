using System.Text.Json;
using ClinicBot.Channels.DirectLine;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Announces this instance's new Direct Line activities to the others with <c>pg_notify</c> on <see cref="Channel"/> (a
/// channel of its own, apart from the queue events'), and raises <see cref="Announced"/> for theirs, which the
/// <see cref="PostgresDirectLineListener"/> of this instance hears. Each announcement carries this instance's
/// <see cref="Origin"/>, so an instance ignores its own (its streams were handed the activities already).
/// </summary>
public sealed partial class PostgresDirectLineRelay(PostgresDatabase database, ILogger<PostgresDirectLineRelay> logger) : IDirectLineRelay
{
    /// <summary>The NOTIFY channel every ClinicBot instance on the database listens on for Direct Line activities.</summary>
    public const string Channel = "clinicbot_directline";

    /// <summary>This instance, as its notifications name it.</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    /// <inheritdoc />
    public event Action<string>? Announced;

    /// <inheritdoc />
    public event Action? Resumed;

    /// <inheritdoc />
    public void Announce(string conversationId) => _ = AnnounceAsync(conversationId);

    /// <summary>Hands over a payload heard on <see cref="Channel"/>: another instance's announcement raises <see cref="Announced"/>.</summary>
    internal void Receive(string payload)
    {
        DirectLineNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize<DirectLineNotification>(payload);
        }
        catch (JsonException)
        {
            // Not one of ours (something else notified on the channel): nothing to wake.
            return;
        }

        if (notification is { ConversationId: { Length: > 0 } conversationId } && notification.Origin != Origin) Announced?.Invoke(conversationId);
    }

    /// <summary>The listener hears announcements again after a break: raises <see cref="Resumed"/>.</summary>
    internal void ListeningAgain() => Resumed?.Invoke();

    private async Task AnnounceAsync(string conversationId)
    {
        try
        {
            var payload = JsonSerializer.Serialize(new DirectLineNotification(Origin, conversationId));
            await database.ExecuteAsync("SELECT pg_notify(@channel, @payload)", CancellationToken.None, ("channel", Channel), ("payload", payload));
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // A Web Chat streaming from another instance shows the activities at its next reconnect or poll.
            NotSent(logger, ex);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Direct Line activities not announced to the other instances")]
    private static partial void NotSent(ILogger logger, Exception exception);
}
