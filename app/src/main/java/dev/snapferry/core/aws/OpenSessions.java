package dev.snapferry.core.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts open right now, grouped by what the user opened to get them: a profile name gives one account, the
 * demo gives two. Safe to read from any thread; the browser lists whatever is open when a listing starts.
 */
public final class OpenSessions implements AutoCloseable {

    private final Map<String, List<AccountSession>> byChoice = new LinkedHashMap<>();

    public OpenSessions() {
    }

    /** A fixed set, each session under its profile name (with its account id when two share a name). */
    public static OpenSessions of(List<AccountSession> sessions) {
        OpenSessions open = new OpenSessions();
        for (AccountSession s : sessions) {
            String name = s.account().profileName();
            open.add(open.isOpen(name) ? name + " (" + s.accountId() + ")" : name, List.of(s));
        }
        return open;
    }

    /**
     * Adds what {@code choice} opened.
     *
     * @return the open session of one of these accounts under another choice, when there is one: an account is
     *         open only once, so the caller closes {@code sessions} and tells the user
     */
    public synchronized Optional<AccountSession> add(String choice, List<AccountSession> sessions) {
        Objects.requireNonNull(choice, "choice");
        for (AccountSession session : sessions) {
            Optional<AccountSession> clash = forAccount(session.accountId())
                    .filter(open -> !choiceOf(open).equals(choice));
            if (clash.isPresent()) {
                return clash;
            }
        }
        List<AccountSession> replaced = byChoice.put(choice, List.copyOf(sessions));
        if (replaced != null) {
            replaced.stream().filter(s -> !sessions.contains(s)).forEach(AccountSession::close);
        }
        return Optional.empty();
    }

    /** Closes what {@code choice} opened; false when it was not open. */
    public synchronized boolean remove(String choice) {
        List<AccountSession> removed = byChoice.remove(choice);
        if (removed == null) {
            return false;
        }
        removed.forEach(AccountSession::close);
        return true;
    }

    public synchronized List<AccountSession> all() {
        List<AccountSession> all = new ArrayList<>();
        byChoice.values().forEach(all::addAll);
        return all;
    }

    public synchronized Set<String> choices() {
        return Set.copyOf(byChoice.keySet());
    }

    public synchronized boolean isOpen(String choice) {
        return byChoice.containsKey(choice);
    }

    public synchronized Optional<AccountSession> forAccount(String accountId) {
        return all().stream().filter(s -> s.accountId().equals(accountId)).findFirst();
    }

    /** The choice that opened {@code session}. */
    public synchronized String choiceOf(AccountSession session) {
        return byChoice.entrySet().stream().filter(e -> e.getValue().contains(session)).map(Map.Entry::getKey)
                .findFirst().orElse(session.account().profileName());
    }

    @Override
    public synchronized void close() {
        byChoice.values().forEach(list -> list.forEach(AccountSession::close));
        byChoice.clear();
    }
}
