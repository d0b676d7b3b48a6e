using ClinicBot.Answering.Extractive;
using ClinicBot.Engine;
using ClinicBot.Knowledge;
using ClinicBot.Storage;
using ClinicBot.Storage.Privacy;
using ClinicBot.Cli.Ask;
using ClinicBot.Cli.Chat;
using ClinicBot.Cli.Migrate;
using ClinicBot.Cli.Purge;
using ClinicBot.Cli.RotateKey;
using ClinicBot.Cli.Staff;
using ClinicBot.Cli.Train;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Retention;
using ClinicBot.Conversations.Turns;
using ClinicBot.Safety.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var staffUsage = StaffAddCommand.Usage + "\n       " + StaffAccessCommand.Usage + "\n       " + StaffResetPasswordCommand.Usage;
if (args.Length == 0 || args[0] is not ("ask" or "chat" or "staff" or "train" or "migrate" or "purge" or "rotate-key"))
{
    Console.Error.WriteLine(AskArguments.Usage + "\n       " + staffUsage + "\n       " + TrainTriageCommand.Usage + "\n       " + TrainAnswersCommand.Usage + "\n       " + MigrateCommand.Usage + "\n       " + PurgeCommand.Usage + "\n       " + RotateKeyCommand.Usage);
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
if (args[0] is not ("staff" or "train" or "migrate" or "purge" or "rotate-key"))
{
    (arguments, var error) = AskArguments.Parse(args[1..], questionRequired: args[0] == "ask");
    if (arguments is null)
    {
        Console.Error.WriteLine($"clinicbot: {error}\n{AskArguments.Usage}");
        return 2;
    }
}
else if (args[0] == "staff" && (args.Length < 2 || args[1] is not ("add" or "disable" or "enable" or "reset-password")))
{
    Console.Error.WriteLine(staffUsage);
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

if (args[0] == "purge")
{
    return await new PurgeCommand(host.Services.GetRequiredService<DataPurge>(), host.Services.GetRequiredService<IStorageDatabase>().Location)
        .RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
}

if (args[0] == "train")
{
    return TrainAnswersCommand.Run(args[2..], host.Services.GetRequiredService<ExtractiveComposer>(), host.Services.GetRequiredService<KnowledgeBase>(), Console.Out, Console.Error);
}

if (args[0] == "staff")
{
    var accounts = host.Services.GetRequiredService<StaffAccountService>();
    var location = host.Services.GetRequiredService<IStorageDatabase>().Location;
    return args[1] switch
    {
        "add" => await new StaffAddCommand(accounts, location).RunAsync(args[2..], Console.In, Console.Out, Console.Error, CancellationToken.None),
        "reset-password" => await new StaffResetPasswordCommand(accounts, location).RunAsync(args[2..], Console.In, Console.Out, Console.Error, CancellationToken.None),
        _ => await new StaffAccessCommand(accounts, location).RunAsync(args[1] == "disable", args[2..], Console.Out, Console.Error, CancellationToken.None),
    };
}

var pipeline = host.Services.GetRequiredService<TurnPipeline>();

if (args[0] == "chat")
{
    return await new ChatCommand(pipeline).RunAsync(arguments!.Channel, arguments.Locale, Console.In, Console.Out, CancellationToken.None);
}

var command = new AskCommand(pipeline, host.Services.GetRequiredService<ExtractiveComposer>(), host.Services.GetRequiredService<TriageClassifier>());
return await command.RunAsync(arguments!, Console.In, Console.Out, Console.Error, CancellationToken.None);
