package org.liudong.planview.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads the server's heap from outside through JMX on loopback: the peak of each heap pool since
 * the last reset, summed — what the server really needed, not what the OS gave the JVM.
 */
public final class HeapProbe implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;

    public HeapProbe(int jmxPort) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        connector = JMXConnectorFactory.connect(url);
        mbeans = connector.getMBeanServerConnection();
    }

    private List<ObjectName> heapPools() throws Exception {
        return mbeans.queryNames(new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"), null).stream()
                .filter(n -> {
                    try {
                        return MemoryType.HEAP.name().equals(mbeans.getAttribute(n, "Type").toString());
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
    }

    /** Forgets earlier peaks, so the next reading covers only what follows. */
    public void resetPeaks() throws Exception {
        mbeans.invoke(new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), "gc", null, null);
        for (ObjectName pool : heapPools()) {
            mbeans.invoke(pool, "resetPeakUsage", null, null);
        }
    }

    public long peakHeapBytes() throws Exception {
        long sum = 0;
        for (ObjectName pool : heapPools()) {
            CompositeData peak = (CompositeData) mbeans.getAttribute(pool, "PeakUsage");
            sum += (Long) peak.get("used");
        }
        return sum;
    }

    /** The live heap: used bytes right after a full collection the probe asks for. */
    public long liveBytesAfterFullGc() throws Exception {
        mbeans.invoke(new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), "gc", null, null);
        CompositeData usage = (CompositeData) mbeans.getAttribute(new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), "HeapMemoryUsage");
        return (Long) usage.get("used");
    }

    /**
     * What each heap pool held after the JVM's own last collection of it, summed: read without
     * disturbing the server, the usual sign of a leak when it climbs run after run.
     */
    public long usedAfterLastGcBytes() throws Exception {
        long sum = 0;
        for (ObjectName pool : heapPools()) {
            Object after = mbeans.getAttribute(pool, "CollectionUsage");
            if (after instanceof CompositeData c) sum += (Long) c.get("used");
        }
        return sum;
    }

    public long maxHeapBytes() throws Exception {
        CompositeData usage = (CompositeData) mbeans.getAttribute(new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), "HeapMemoryUsage");
        return (Long) usage.get("max");
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }

}
