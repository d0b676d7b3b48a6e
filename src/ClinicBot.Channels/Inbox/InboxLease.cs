using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClinicBot.Channels.Inbox;

/// <summary>
/// This host's lease on the inbox rows whose turn it runs (SMS MessageSids, Bot Framework activities): a claim writes
/// <see cref="Owner"/> and now + <see cref="Duration"/>, the running turn renews it every <see cref="RenewEvery"/>
/// (<see cref="InboxLeaseRenewal"/>), and another host takes an unfinished row over only once its lease has expired
/// (its host died). One per process: the owner is a GUID made at start-up.
/// </summary>
/// <param name="Owner">This host's id (a GUID made at start-up).</param>
/// <param name="Duration">How long a claim or renewal holds the row (<c>Inbox:LeaseSeconds</c>, 30 s by default).</param>
public sealed record InboxLease(string Owner, TimeSpan Duration)
{
    /// <summary>The configuration key of <see cref="Duration"/>, in whole seconds.</summary>
    public const string LeaseSecondsKey = "Inbox:LeaseSeconds";

    /// <summary>The lease when <see cref="LeaseSecondsKey"/> is not set.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(30);

    /// <summary>How often a running turn renews its lease: a third of it, so two renewals may fail before it lapses.</summary>
    public TimeSpan RenewEvery => Duration / 3;

    /// <summary>A lease for this process: a new owner id.</summary>
    public static InboxLease ForThisHost(TimeSpan? duration = null) => new(Guid.NewGuid().ToString("N"), duration ?? DefaultDuration);

    /// <summary>A lease for this process, its duration from <see cref="LeaseSecondsKey"/> (a positive number of seconds).</summary>
    /// <exception cref="InvalidOperationException">The key is set but not a positive number.</exception>
    public static InboxLease FromConfiguration(IConfiguration? configuration)
    {
        var value = configuration?[LeaseSecondsKey];
        if (string.IsNullOrWhiteSpace(value)) return ForThisHost();
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > 86_400)
        {
            throw new InvalidOperationException($"{LeaseSecondsKey} must be a number of seconds between 0 and 86400 (was '{value}').");
        }

        return ForThisHost(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Registers the process's one <see cref="InboxLease"/> (from configuration) unless one is registered.</summary>
    public static IServiceCollection Register(IServiceCollection services)
    {
        services.TryAddSingleton(sp => FromConfiguration(sp.GetService<IConfiguration>()));
        return services;
    }
}
