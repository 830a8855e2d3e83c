namespace Chukei.Cli.Commands;

/// <summary>Exit codes every verb shares, so CI scripts can branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran and every expectation held.</summary>
    public const int Ok = 0;

    /// <summary>It ran, and an expectation failed.</summary>
    public const int Failed = 1;

    /// <summary>The input (scenario file or arguments) is invalid; nothing ran.</summary>
    public const int Invalid = 2;
}
