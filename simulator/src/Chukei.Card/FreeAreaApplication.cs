namespace Chukei.Card;

/// <summary>An additional application in the chip's free area (seed: the card's IC free area can carry more applications): one freely readable EF.</summary>
public sealed record FreeAreaApplication(ReadOnlyMemory<byte> Aid, ushort FileId, ReadOnlyMemory<byte> Content);
