namespace Chukei.Cli.Commands;

/// <summary>The options of <c>chukei conformance insurer</c>, as given.</summary>
public sealed record ConformanceInsurerOptions(string Target, string Party, string RelayUrl, DirectoryInfo Out, string? Filter, FileInfo? ExpectedFailures);
