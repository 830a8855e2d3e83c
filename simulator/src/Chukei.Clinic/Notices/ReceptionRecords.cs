using Chukei.Clinic.Reception;
using Chukei.Contracts.ClinicDriver;
using Chukei.Contracts.Wire;

namespace Chukei.Clinic.Notices;

/// <summary>
/// The valid answers the clinic relied on at reception, kept for the claim, and the retroactive-change notices that
/// superseded some of them (ELG-021): a notice finds its record by correlationId and relayLogEntryId, and a notice
/// already held (same logEntryId) is the same notice.
/// </summary>
public sealed class ReceptionRecords(ClinicDefects? defects = null)
{
    private readonly ClinicDefects _defects = defects ?? ClinicDefects.None;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string CorrelationId, string RelayLogEntryId), DateOnly> _valid = [];
    private readonly List<ClinicHeldNotice> _held = [];

    /// <summary>Keeps a valid answer the clinic relied on: the check's correlationId, the relay's entry and the service date.</summary>
    public void Keep(string correlationId, string relayLogEntryId, DateOnly serviceDate)
    {
        lock (_gate) _valid[(correlationId, relayLogEntryId)] = serviceDate;
    }

    /// <summary>Stores a delivered notice against the record it names; false when it names none of the clinic's or is already held.</summary>
    public bool Store(DeliveredRetroactiveNotice delivered)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var notice = delivered.Notice;
        lock (_gate)
        {
            if (_defects.IgnoresRetroactiveNotices) return false;
            if (!_defects.StoresResentNoticesAgain && _held.Any(h => h.NoticeLogEntryId == delivered.LogEntryId)) return false;
            if (!_valid.TryGetValue((notice.CorrelationId, notice.RelayLogEntryId), out var serviceDate) || serviceDate != notice.ServiceDate) return false;
            _held.Add(new ClinicHeldNotice
            {
                NoticeLogEntryId = delivered.LogEntryId,
                CorrelationId = notice.CorrelationId,
                RelayLogEntryId = notice.RelayLogEntryId,
                ServiceDate = notice.ServiceDate,
                Status = notice.Status,
                DisqualificationDate = notice.DisqualificationDate,
            });
            return true;
        }
    }

    /// <summary>Whether the clinic may still rely on the valid answer of that check (not when a notice superseded it).</summary>
    public bool IsReliable(string correlationId, string relayLogEntryId)
    {
        lock (_gate) return _valid.ContainsKey((correlationId, relayLogEntryId)) && !_held.Any(h => h.CorrelationId == correlationId && h.RelayLogEntryId == relayLogEntryId);
    }

    /// <summary>Every notice held, in the order stored.</summary>
    public IReadOnlyList<ClinicHeldNotice> Held
    {
        get { lock (_gate) return _held.ToList(); }
    }
}
