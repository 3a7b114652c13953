using OpenImr.Cli;

return await ImrCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
