package org.chorus.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.ChatRejection;
import org.chorus.domain.ErrorCode;
import org.chorus.domain.HistoryPage;
import org.chorus.domain.Names;
import org.chorus.domain.Presence;
import org.chorus.domain.RoomSummary;
import org.chorus.infrastructure.messaging.ChatTopic;
import org.chorus.infrastructure.store.LocalNode;
import org.chorus.infrastructure.store.MessageLog;
import org.chorus.infrastructure.store.PresenceRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads rooms: latest seq, replay ranges, history pages, who is online; and keeps presence as connections join and
 * leave rooms.
 */
@ApplicationScoped
public class RoomService {

    /** The protocol's cap on a history page. */
    public static final int MAX_PAGE = 200;

    @Inject
    MessageLog log;

    @Inject
    PresenceRegistry presence;

    @Inject
    ChatTopic topic;

    @Inject
    @ConfigProperty(name = "chorus.join-replay", defaultValue = "50")
    int joinReplay;

    /** Refuses a room name that is neither a room nor {@code user}'s own inbox. */
    public void checkReadable(String user, String room) {
        if (Names.isInbox(room)) {
            if (!room.equals(Names.inbox(user))) {
                throw new ChatRejection(ErrorCode.FORBIDDEN, "only " + room.substring(1) + " may read " + room, room);
            }
        } else if (!Names.isRoom(room)) {
            throw new ChatRejection(ErrorCode.INVALID_ROOM, "not a room name: " + room, room);
        }
    }

    public long latest(String room) {
        return log.latest(room);
    }

    /** The room's latest seq, given one known to be stored (or past retention): fewer reads when it is recent. */
    public long latest(String room, long stored) {
        return log.latest(room, stored);
    }

    /** The oldest seq still kept, given the room's latest. */
    public long firstKept(long latest) {
        return log.firstKept(latest);
    }

    /** The messages with {@code from <= seq <= to}. */
    public List<ChatMessage> range(String room, long from, long to) {
        return log.range(room, from, to);
    }

    /** Where a join without {@code since} starts its replay: after the last {@code chorus.join-replay} messages. */
    public long defaultSince(long latest) {
        return Math.max(0, latest - joinReplay);
    }

    /** Up to {@code limit} messages before seq {@code before} (all the latest when null), oldest first. */
    public HistoryPage history(String user, String room, Long before, int limit) {
        checkReadable(user, room);
        long latest = log.latest(room);
        long upper = before == null ? latest : Math.min(before - 1, latest);
        long first = log.firstKept(latest);
        long lower = Math.max(first, upper - Math.min(limit, MAX_PAGE) + 1);
        List<ChatMessage> messages = upper < lower ? List.of() : log.range(room, lower, upper);
        return new HistoryPage(room, messages, lower > first && upper >= lower);
    }

    /** Records a connection in a room; announces the user online if it is their first there. */
    public void joined(String room, String user, String connection) {
        if (presence.add(room, user, node(connection))) {
            topic.publish(new Presence(room, user, true));
        }
    }

    /** Forgets a connection in a room; announces the user offline if it was their last there. */
    public void left(String room, String user, String connection) {
        if (presence.remove(room, user, node(connection))) {
            topic.publish(new Presence(room, user, false));
        }
    }

    public List<String> members(String room) {
        return presence.members(room);
    }

    /** Every shared room with messages or users online, by name. */
    public List<RoomSummary> rooms() {
        Map<String, Integer> online = presence.onlineCounts();
        Set<String> names = new TreeSet<>(log.rooms());
        names.addAll(online.keySet());
        return names.stream().filter(Names::isRoom).map(room -> new RoomSummary(room, log.latest(room), online
                .getOrDefault(room, 0))).toList();
    }

    private static String node(String connection) {
        return LocalNode.name() + "/" + connection;
    }
}
