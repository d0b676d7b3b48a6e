using ClinicBot.Host;
using ClinicBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClinicBotHost(builder.Configuration);

var app = builder.Build();
app.MapClinicBotHost();
// Which database this host uses (the CLI's `staff add` names it too), so a newcomer sees both agree.
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("ClinicBot database: {Database}", app.Services.GetRequiredService<IStorageDatabase>().Location));
app.Run();
