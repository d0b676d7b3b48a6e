using ClinicBot.Answering.Extractive;
using ClinicBot.Engine;
using ClinicBot.Knowledge;
using ClinicBot.Storage;
using ClinicBot.Storage.Privacy;
using ClinicBot.Cli.Ask;
using ClinicBot.Cli.Chat;
using ClinicBot.Cli.Migrate;
using ClinicBot.Cli.RotateKey;
using ClinicBot.Cli.Staff;
using ClinicBot.Cli.Train;
using ClinicBot.Staff.Accounts;
using ClinicBot.Conversations.Turns;
using ClinicBot.Safety.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args.Length == 0 || args[0] is not ("ask" or "chat" or "staff" or "train" or "migrate" or "rotate-key"))
{
    Console.Error.WriteLine(AskArguments.Usage + "\n       " + StaffAddCommand.Usage + "\n       " + TrainTriageCommand.Usage + "\n       " + TrainAnswersCommand.Usage + "\n       " + MigrateCommand.Usage + "\n       " + RotateKeyCommand.Usage);
    return 2;
}

if (args[0] == "train")
{
    if (args.Length >= 2 && args[1] == "triage") return TrainTriageCommand.Run(args[2..], Console.Out, Console.Error);
    if (args.Length < 2 || args[1] != "answers")
    {
        Console.Error.WriteLine(TrainTriageCommand.Usage + "\n       " + TrainAnswersCommand.Usage);
        return 2;
    }
}

AskArguments? arguments = null;
if (args[0] is not ("staff" or "train" or "migrate" or "rotate-key"))
{
    (arguments, var error) = AskArguments.Parse(args[1..], questionRequired: args[0] == "ask");
    if (arguments is null)
    {
        Console.Error.WriteLine($"clinicbot: {error}\n{AskArguments.Usage}");
        return 2;
    }
}
else if (args[0] == "staff" && (args.Length < 2 || args[1] != "add"))
{
    Console.Error.WriteLine(StaffAddCommand.Usage);
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
// Standard output carries replies (one JSON per line with --jsonl), so logs go to standard error only.
builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
// The offline CLI works on the local file without Privacy:DataKey (the development key file beside it), as in Development.
builder.Services.AddClinicBotEngine(builder.Configuration).AddClinicBotStorage(builder.Configuration).AllowDevelopmentDataKey();
if (args[0] == "rotate-key" && RotateKeyCommand.Refusal(args[1..], builder.Configuration[$"{PrivacyOptions.Section}:{nameof(PrivacyOptions.DataKey)}"]) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 2;
}

using var host = builder.Build();
if (args[0] == "rotate-key")
{
    return await RotateKeyCommand.RunAsync(
        host.Services.GetRequiredService<PatientTextRotation>(), host.Services.GetRequiredService<IStorageDatabase>(), Console.Out, Console.Error, CancellationToken.None);
}

if (args[0] == "migrate")
{
    return MigrateCommand.Run(args[1..], host.Services.GetRequiredService<IStorageDatabase>(), Console.Out, Console.Error);
}

if (args[0] == "train")
{
    return TrainAnswersCommand.Run(args[2..], host.Services.GetRequiredService<ExtractiveComposer>(), host.Services.GetRequiredService<KnowledgeBase>(), Console.Out, Console.Error);
}

if (args[0] == "staff")
{
    return await new StaffAddCommand(host.Services.GetRequiredService<StaffAccountService>(), host.Services.GetRequiredService<IStorageDatabase>().Location)
        .RunAsync(args[2..], Console.In, Console.Out, Console.Error, CancellationToken.None);
}

var pipeline = host.Services.GetRequiredService<TurnPipeline>();

if (args[0] == "chat")
{
    return await new ChatCommand(pipeline).RunAsync(arguments!.Channel, arguments.Locale, Console.In, Console.Out, CancellationToken.None);
}

var command = new AskCommand(pipeline, host.Services.GetRequiredService<ExtractiveComposer>(), host.Services.GetRequiredService<TriageClassifier>());
return await command.RunAsync(arguments!, Console.In, Console.Out, Console.Error, CancellationToken.None);
