using Mikoshi.Cli;

// `mikoshi` with no verb serves, as Gitea and Grafana do; every verb is described by --help.
return await Commands.RunAsync(args);

/// <summary>The entry point's type, for WebApplicationFactory.</summary>
public partial class Program;
