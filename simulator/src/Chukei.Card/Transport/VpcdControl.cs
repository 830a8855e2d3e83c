namespace Chukei.Card.Transport;

/// <summary>The one-byte control messages vpcd sends (vpcd.h 38–43). Only <see cref="GetAtr"/> is answered.</summary>
public enum VpcdControl : byte
{
    PowerOff = 0x00,
    PowerOn = 0x01,
    Reset = 0x02,
    GetAtr = 0x04,
}
