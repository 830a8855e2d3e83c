using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Chukei.Card.Files;
using Chukei.Card.Transport;

namespace Chukei.Cli.Commands;

/// <summary>
/// <c>chukei card serve</c>: a virtual card with kit-CA certificates, plugged into vsmartcard's vpcd reader so that any
/// PC/SC application on the machine (pcscd) sees it; it reconnects when pcscd drops it and runs until stopped.
/// </summary>
public static class CardServeCommand
{
    public const string DefaultVpcd = "127.0.0.1:35963";

    public static Command Create()
    {
        var vpcd = new Option<string>("--vpcd")
        {
            Description = "Where vpcd (pcscd's vsmartcard driver) listens: host:port; slot 0 is 35963, slot 1 is 35964",
            DefaultValueFactory = _ => DefaultVpcd,
        };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the card's certificates and the kit CA certificate (PEM) to this directory" };
        var pin = new Option<string>("--pin") { Description = "The authentication PIN (4 digits; 3 tries)", DefaultValueFactory = _ => "1234" };
        var seed = new Option<int?>("--seed") { Description = "Derive certificate serial numbers from this seed instead of at random" };
        var holder = new Option<string>("--holder") { Description = "The holder named in the signing certificate and on the card face", DefaultValueFactory = _ => "見本 太郎" };
        var trace = new Option<bool>("--trace") { Description = "Print every APDU and control event (PINs masked)" };
        var command = new Command("serve", "Plug a virtual card into the vpcd reader and serve it until stopped (Ctrl+C or SIGTERM). " +
            "Exit codes: 0 stopped, 2 bad arguments or unwritable --out.")
        {
            vpcd, output, pin, seed, holder, trace,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryParseVpcd(parse.GetValue(vpcd)!, out string host, out int port, out string? error))
            {
                return Invalid($"--vpcd: {error}");
            }

            string authPin = parse.GetValue(pin)!;
            if (!PinFormats.IsValid(PinFormat.FourDigits, Encoding.ASCII.GetBytes(authPin)))
            {
                return Invalid($"--pin: '{authPin}' is not 4 digits (the JPKI authentication PIN's format)");
            }

            string holderName = parse.GetValue(holder)!;
            if (string.IsNullOrWhiteSpace(holderName))
            {
                return Invalid("--holder: the holder's name is empty");
            }

            var options = new CardServeOptions(host, port, parse.GetValue(output), authPin, parse.GetValue(seed), holderName, parse.GetValue(trace));
            using var stop = new StopSignals(ct);
            return await new CardServeRun(options, TimeProvider.System).RunAsync(stop.Token);
        });
        return command;
    }

    /// <summary>
    /// Parses <c>host:port</c> (or <c>[v6]:port</c>) and resolves a host name to an IPv4 address now, so that an unknown
    /// host is reported as such instead of as an endless wait for vpcd.
    /// </summary>
    public static bool TryParseVpcd(string value, out string host, out int port, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        host = "";
        port = 0;
        int colon = value.LastIndexOf(':');
        string hostPart = colon > 0 ? value[..colon].Trim('[', ']') : "";
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            error = $"'{value}' is not host:port with a port from 1 to 65535 (vpcd's default is {DefaultVpcd})";
            return false;
        }

        if (IPAddress.TryParse(hostPart, out var address))
        {
            host = address.ToString();
            error = null;
            return true;
        }

        try
        {
            var resolved = Dns.GetHostAddresses(hostPart).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            if (resolved is not null)
            {
                host = resolved.ToString();
                error = null;
                return true;
            }
        }
        catch (SocketException)
        {
            // Reported below, with the name.
        }

        error = $"cannot resolve '{hostPart}' to an IPv4 address";
        return false;
    }

    private static int Invalid(string message)
    {
        Console.Error.WriteLine($"chukei: {message}");
        Console.Error.WriteLine("Try 'chukei card serve --help'.");
        return ExitCodes.Invalid;
    }
}
