namespace Chukei.Cli.Commands;

/// <summary>The options of <c>chukei conformance insurer</c>, as given.</summary>
public sealed record ConformanceInsurerOptions(string Target, string Party, string RelayUrl, DirectoryInfo Out, string? Filter, FileInfo? ExpectedFailures)
{
    /// <summary>How long the kit waits for an access-log report, in seconds (0, 300].</summary>
    public double ReportWaitSeconds { get; init; } = 5;

    /// <summary>How long a directory case waits for the insurer to fetch a new directory, in seconds (0, 300].</summary>
    public double DirectoryWaitSeconds { get; init; } = 11;

    /// <summary>The insurer claims INS-050 (fall-through notices, as a municipal NHI).</summary>
    public bool FallThroughNotices { get; init; }
}
