using ClinicBot.Answering.Extractive;
using ClinicBot.Cli;
using ClinicBot.Cli.Ask;
using ClinicBot.Conversations.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args.Length == 0 || args[0] is not "ask")
{
    Console.Error.WriteLine(AskArguments.Usage);
    return 2;
}

var (arguments, error) = AskArguments.Parse(args[1..]);
if (arguments is null)
{
    Console.Error.WriteLine($"clinicbot: {error}\n{AskArguments.Usage}");
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
// Standard output carries replies (one JSON per line with --jsonl), so logs go to standard error only.
builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddClinicBotEngine(builder.Configuration);
using var host = builder.Build();

var command = new AskCommand(host.Services.GetRequiredService<TurnPipeline>(), host.Services.GetRequiredService<ExtractiveComposer>());
return await command.RunAsync(arguments, Console.In, Console.Out, Console.Error, CancellationToken.None);
