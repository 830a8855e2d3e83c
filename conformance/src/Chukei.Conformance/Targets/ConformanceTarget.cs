namespace Chukei.Conformance.Targets;

/// <summary>
/// The implementation under test as a vendor describes it: its base URL and its party id. Read from
/// <see cref="TargetSettings"/>; <see cref="FromSettings"/> returns null when no target is configured at all, so a
/// suite run without configuration is skipped rather than failed, and throws on a half or invalid configuration.
/// </summary>
public sealed record ConformanceTarget(Uri BaseUrl, string PartyId)
{
    public static ConformanceTarget? FromSettings(string defaultPartyId)
    {
        var url = TargetSettings.Read(TargetSettings.TargetUrl);
        var party = TargetSettings.Read(TargetSettings.TargetParty);
        if (url is null && party is null) return null;
        if (url is null)
            throw new TargetConfigurationException($"{TargetSettings.TargetParty} is set but {TargetSettings.TargetUrl} is not");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new TargetConfigurationException($"{TargetSettings.TargetUrl} '{url}' is not an absolute http(s) URL");
        return new ConformanceTarget(baseUrl, party ?? defaultPartyId);
    }

    /// <summary>An endpoint of the target: <paramref name="path"/> relative to the base URL, whose own path is kept.</summary>
    public Uri Endpoint(string path) => new(new Uri(BaseUrl.ToString().TrimEnd('/') + "/"), path.TrimStart('/'));
}
