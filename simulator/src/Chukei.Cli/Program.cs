return await Chukei.Cli.ChukeiCommand.InvokeAsync(args);
