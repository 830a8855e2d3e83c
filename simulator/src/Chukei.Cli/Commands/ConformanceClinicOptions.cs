namespace Chukei.Cli.Commands;

/// <summary>The options of <c>chukei conformance clinic</c>, as given: exactly one of <see cref="DriverUrl"/> and <see cref="DriverCommand"/>.</summary>
public sealed record ConformanceClinicOptions(string? DriverUrl, string? DriverCommand, DirectoryInfo Out, string? Filter, FileInfo? ExpectedFailures)
{
    /// <summary>How long one check may take, in seconds (0, 300].</summary>
    public double CheckTimeoutSeconds { get; init; } = 30;

    /// <summary>With <see cref="DriverCommand"/>: the command that picks up the clinic's notices (ELG-021); none, those cases are not run.</summary>
    public string? DriverPickupCommand { get; init; }
}
