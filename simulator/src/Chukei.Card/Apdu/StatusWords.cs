namespace Chukei.Card.Apdu;

/// <summary>The ISO/IEC 7816-4 status words the card answers with (anchors §5).</summary>
public static class StatusWords
{
    public const ushort Success = 0x9000;
    public const ushort EndOfFileBeforeLe = 0x6282;
    public const ushort WrongLength = 0x6700;
    public const ushort IncompatibleFileStructure = 0x6981;
    public const ushort SecurityStatusNotSatisfied = 0x6982;
    public const ushort AuthenticationMethodBlocked = 0x6983;
    public const ushort ReferenceDataInvalidated = 0x6984;
    public const ushort ConditionsOfUseNotSatisfied = 0x6985;
    public const ushort NoCurrentEf = 0x6986;
    public const ushort WrongData = 0x6A80;
    public const ushort FileNotFound = 0x6A82;
    public const ushort IncorrectP1P2 = 0x6A86;
    public const ushort WrongOffset = 0x6B00;
    public const ushort InsNotSupported = 0x6D00;
    public const ushort ClaNotSupported = 0x6E00;
    public const ushort NoPreciseDiagnosis = 0x6F00;

    /// <summary><c>63Cx</c>: verification failed or queried, x tries left (capped at 15, the nibble's range).</summary>
    public static ushort CounterTriesLeft(int triesLeft) => (ushort)(0x63C0 | Math.Clamp(triesLeft, 0, 15));

    /// <summary><c>61xx</c>: T=0 response bytes waiting for GET RESPONSE; 00 stands for 256 or more.</summary>
    public static ushort BytesAvailable(int count) => (ushort)(0x6100 | (count >= 256 ? 0 : count));

    /// <summary><c>6Cxx</c>: T=0 wrong Le, resend with Le = xx; 00 stands for 256.</summary>
    public static ushort WrongLe(int exactLength) => (ushort)(0x6C00 | (exactLength >= 256 ? 0 : exactLength));
}
