using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClinicBot.Channels.Inbox;

/// <summary>
/// This host's lease on the inbox rows whose turn it runs (SMS MessageSids, Bot Framework activities): a claim writes
/// <see cref="Owner"/> and now + <see cref="Duration"/>, the running turn renews it every <see cref="RenewEvery"/>
/// (<see cref="InboxLeaseRenewal"/>), and another host takes an unfinished row over only once its lease has expired
/// (its host died). One per process. The owner is <c>Inbox:HostId</c> when set (a name unique to the host and kept
/// across its restarts, as SQLite's single host is), else a GUID made at start-up. With a kept name, a restarted host
/// knows the rows its previous life left unfinished (owned by it, their lease written before <see cref="Started"/>) and
/// runs them at once instead of waiting for their lease to lapse: a crisis typed just before a crash is not held back.
/// </summary>
/// <param name="Owner">This host's id: <c>Inbox:HostId</c>, or a GUID made at start-up.</param>
/// <param name="Duration">How long a claim or renewal holds the row (<c>Inbox:LeaseSeconds</c>, 30 s by default).</param>
public sealed record InboxLease(string Owner, TimeSpan Duration)
{
    /// <summary>The configuration key of <see cref="Duration"/>, in whole seconds.</summary>
    public const string LeaseSecondsKey = "Inbox:LeaseSeconds";

    /// <summary>The configuration key of <see cref="Owner"/>: unique to each host and the same across its restarts.</summary>
    public const string HostIdKey = "Inbox:HostId";

    /// <summary>The lease when <see cref="LeaseSecondsKey"/> is not set.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(30);

    /// <summary>How often a running turn renews its lease: a third of it, so two renewals may fail before it lapses.</summary>
    public TimeSpan RenewEvery => Duration / 3;

    /// <summary>When this process started leasing (the default, none: no row is taken for a previous life's).</summary>
    public DateTimeOffset Started { get; init; } = DateTimeOffset.MinValue;

    /// <summary>
    /// A row this owner holds with a lease ending before this was leased by a previous life of the host (every lease this
    /// process writes ends at or after it): that life is over, so the row is as good as expired.
    /// </summary>
    public DateTimeOffset PreviousLifeBefore => Started == DateTimeOffset.MinValue ? Started : Started + Duration;

    /// <summary>A lease for this process: a new owner id.</summary>
    public static InboxLease ForThisHost(TimeSpan? duration = null) => new(Guid.NewGuid().ToString("N"), duration ?? DefaultDuration);

    /// <summary>
    /// A lease for this process: its owner from <see cref="HostIdKey"/> (else <paramref name="defaultOwner"/>, else a
    /// new GUID), its duration from <see cref="LeaseSecondsKey"/> (a positive number of seconds), started now.
    /// </summary>
    /// <exception cref="InvalidOperationException">The duration is set but not a positive number.</exception>
    public static InboxLease FromConfiguration(IConfiguration? configuration, TimeProvider? time = null, string? defaultOwner = null)
    {
        var value = configuration?[LeaseSecondsKey];
        var duration = DefaultDuration;
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > 86_400)
            {
                throw new InvalidOperationException($"{LeaseSecondsKey} must be a number of seconds between 0 and 86400 (was '{value}').");
            }

            duration = TimeSpan.FromSeconds(seconds);
        }

        var owner = configuration?[HostIdKey];
        if (string.IsNullOrWhiteSpace(owner)) owner = defaultOwner ?? Guid.NewGuid().ToString("N");
        return new InboxLease(owner.Trim(), duration) { Started = (time ?? TimeProvider.System).GetUtcNow() };
    }

    /// <summary>Registers the process's one <see cref="InboxLease"/> (from configuration) unless one is registered.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="defaultOwner">
    /// The owner when <see cref="HostIdKey"/> is not set, for a storage only one host uses (SQLite), so that its restarts
    /// are the same owner; replaces a registration made without one. Null: a GUID a process.
    /// </param>
    public static IServiceCollection Register(IServiceCollection services, string? defaultOwner = null)
    {
        var descriptor = ServiceDescriptor.Singleton(sp => FromConfiguration(sp.GetService<IConfiguration>(), sp.GetService<TimeProvider>(), defaultOwner));
        if (defaultOwner is null) services.TryAdd(descriptor);
        else services.Replace(descriptor);
        return services;
    }
}
