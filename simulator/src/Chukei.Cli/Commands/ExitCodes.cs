namespace Chukei.Cli.Commands;

/// <summary>Exit codes every verb shares, so CI scripts can branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran and every expectation held (conformance: no MUST violated outside the expected-failures list).</summary>
    public const int Ok = 0;

    /// <summary>It ran, and an expectation failed (conformance: a MUST violated, or an expected failure that now passes).</summary>
    public const int Failed = 1;

    /// <summary>The input (scenario file or arguments, URLs, filter, expected-failures file) is invalid; nothing ran.</summary>
    public const int Invalid = 2;

    /// <summary>The target is unreachable (connection refused on the first case, or it stopped answering), or another infrastructure error (the kit's relay stand-in cannot listen).</summary>
    public const int Unreachable = 3;

    /// <summary>Conformance: no MUST was violated, but a MUST case could not be checked (it says why), so conformance is not shown.</summary>
    public const int NotShown = 4;
}
