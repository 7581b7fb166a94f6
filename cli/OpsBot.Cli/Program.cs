using OpsBot.Cli;

return await OpsBotCli.RunAsync(args, Console.Out, Console.Error);
