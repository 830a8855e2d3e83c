using Chukei.Card;
using Chukei.Contracts.ClinicDriver;

namespace Chukei.Conformance.Clinic.Driver;

/// <summary>
/// How the kit drives the clinic under test: one reception eligibility check (protocol §13.5) with the card the kit
/// hands over, the PIN the person entered, the service date, and the relay to use. A vendor implements it in an
/// adapter that calls their own system; the kit's default is the reference clinic's adapter.
/// </summary>
public interface IClinicDriver
{
    /// <summary>
    /// Runs one check and reports what the clinic concluded. Card, PIN and relay failures are conclusions, not
    /// exceptions. <paramref name="relayUrl"/> may differ between checks (the kit's tampering proxy, a relay that is down).
    /// </summary>
    Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct);

    /// <summary>
    /// Has the clinic pick up its retroactive-change notices from the relay at <paramref name="relayUrl"/>, as it does on
    /// its own schedule, and reports every notice it holds afterwards with the reception record each superseded (ELG-021).
    /// A driver that cannot throws <see cref="NotSupportedException"/>: the clinic does not claim it, and the cases are not run.
    /// </summary>
    Task<IReadOnlyList<ClinicHeldNotice>> PickUpNoticesAsync(Uri relayUrl, CancellationToken ct) =>
        throw new NotSupportedException("its driver has no notice pickup");
}
