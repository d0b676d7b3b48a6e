using System.Net;
using System.Net.Sockets;

namespace ClinicBot.Testing;

/// <summary>Ports on the loopback interface for servers a test or a benchmark starts.</summary>
public static class LoopbackPorts
{
    /// <summary>A port no one listens on now (the system's choice of a free one).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
