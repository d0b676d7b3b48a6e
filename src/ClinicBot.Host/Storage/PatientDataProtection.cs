using ClinicBot.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace ClinicBot.Host.Storage;

/// <summary>
/// ASP.NET Core Data Protection for patient words held while a turn runs (the activity inbox), with its key ring in
/// <c>keys/</c> beside the database, so a restarted host (the one that recovers an unfinished turn) reads what the one
/// that died wrote. The folder is as private as the database file; back it up with it.
/// </summary>
internal static class PatientDataProtection
{
    public const string KeysFolder = "keys";

    public static IServiceCollection AddPatientDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ClinicBot");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            var data = Path.GetDirectoryName(Path.GetFullPath(sp.GetRequiredService<IOptions<SqliteOptions>>().Value.SqlitePath))!;
            options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(Path.Combine(data, KeysFolder)), sp.GetRequiredService<ILoggerFactory>());
        }));
        return services;
    }
}
