namespace Chukei.Cli.Commands;

/// <summary>What <c>chukei card serve</c> was asked for, already validated.</summary>
/// <param name="VpcdHost">An IP address: names are resolved before the card starts, so a typo is a usage error.</param>
public sealed record CardServeOptions(string VpcdHost, int VpcdPort, DirectoryInfo? Out, string AuthPin, int? Seed, string Holder, bool Trace);
