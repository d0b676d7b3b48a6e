using ClinicBot.Host;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClinicBotHost(builder.Configuration);

var app = builder.Build();
app.MapClinicBotHost();
app.Run();
