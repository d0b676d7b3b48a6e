using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace ClinicBot.Staff.Console;

/// <summary>The client address a request counts against (rate limits, sign-in backoff).</summary>
public static class ClientAddress
{
    /// <summary>The connection's address; an IPv6 client counts by its /64, which one subscriber usually holds whole.</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        if (ip.IsIPv4MappedToIPv6) return ip.MapToIPv4().ToString();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
