namespace Chukei.Scenarios.Population;

/// <summary>A municipality people live in: its National Health Insurance and its LTC insurer.</summary>
internal sealed record Municipal(PopulationTables.Municipality Table, InsurerPool.Entry Nhi, InsurerPool.Entry Ltc);
