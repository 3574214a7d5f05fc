package io.sitkit.fx.view;

import io.sitkit.fx.service.DestinationEntry;
import io.sitkit.fx.viewmodel.ConnectionViewModel;

/**
 * What one row of the connection tree stands for.
 *
 * <p>Thread-safety: immutable.
 */
sealed interface TreeNode {
    /** A connection: the root of its destinations. */
    record Conn(ConnectionViewModel connection) implements TreeNode {
    }

    /** "Kafka topics", "JMS queues", "JMS topics". */
    record Group(String label, int count) implements TreeNode {
    }

    /** A destination. */
    record Dest(ConnectionViewModel connection, DestinationEntry entry) implements TreeNode {
    }

    /** A consumer group under a topic. */
    record Consumer(DestinationEntry.GroupLag group) implements TreeNode {
    }
}
