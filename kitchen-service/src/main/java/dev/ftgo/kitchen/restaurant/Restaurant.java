package dev.ftgo.kitchen.restaurant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A restaurant and its menu. It is open when created; {@link #close()} and {@link #open()} change that
 * and refuse to repeat themselves. The menu is replaced as a whole, never edited item by item, so it
 * is always a valid {@link Menu}.
 *
 * Each change records the {@link RestaurantEvent} it causes; {@link #releaseMessages()} hands them to whoever
 * saves the restaurant, each carrying the restaurant as it is then.
 */
@Entity
@Table(name = "restaurant")
public class Restaurant {

	public static final int MAX_NAME_LENGTH = 200;

	@Id
	private UUID id;

	private String name;

	private boolean open;

	// loaded with the restaurant: the aggregate is always read and written whole
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "menu_item", joinColumns = @JoinColumn(name = "restaurant_id"))
	@OrderColumn(name = "position")
	@AttributeOverride(name = "price.amount", column = @Column(name = "price_amount"))
	@AttributeOverride(name = "price.currency", column = @Column(name = "price_currency"))
	private List<MenuItem> menu = new ArrayList<>();

	// a wrapper type, so that Spring Data sees a new restaurant by its null version and persists it
	// instead of merging it (which would cost a SELECT)
	@Version
	private Long version;

	private Instant createdAt;

	// recorded by the changes of this instance, not stored: the outbox stores them. Each is completed with the
	// snapshot only on release, because the version it must carry is known only once the change is flushed
	@Transient
	private final List<Function<RestaurantSnapshot, RestaurantEvent>> messages = new ArrayList<>();

	protected Restaurant() {
		// for JPA
	}

	private Restaurant(RestaurantId id, String name, Menu menu, Instant createdAt) {
		this.id = id.value();
		this.name = requireName(name);
		this.open = true;
		this.menu = new ArrayList<>(menu.items());
		this.createdAt = createdAt;
		record(RestaurantCreated::new);
	}

	public static Restaurant create(String name, Menu menu, Instant now) {
		return new Restaurant(RestaurantId.random(), name, menu, now);
	}

	public void replaceMenu(Menu newMenu) {
		// a new list, not clear() + addAll(): Hibernate then deletes and re-inserts the rows instead of
		// updating them position by position, which could briefly duplicate an id and break the unique key
		this.menu = new ArrayList<>(newMenu.items());
		record(RestaurantMenuRevised::new);
	}

	public void close() {
		if (!open) {
			throw new IllegalRestaurantStateException("Restaurant " + id + " is already closed");
		}
		open = false;
		record(RestaurantClosed::new);
	}

	public void open() {
		if (open) {
			throw new IllegalRestaurantStateException("Restaurant " + id + " is already open");
		}
		open = true;
		record(RestaurantOpened::new);
	}

	/**
	 * The messages recorded since the last call, in the order of the changes; the restaurant forgets them.
	 * Each carries the restaurant as it is now, so call this after the change is flushed: replicas keep the
	 * snapshot with the highest version, and JPA moves the version only when it flushes. Send them in the
	 * transaction that saves this restaurant.
	 *
	 * @throws IllegalStateException if the restaurant was never flushed and has no version yet
	 */
	public List<RestaurantEvent> releaseMessages() {
		if (messages.isEmpty()) {
			return List.of();
		}
		var snapshot = RestaurantSnapshot.of(this);
		var released = messages.stream().map(message -> message.apply(snapshot)).toList();
		messages.clear();
		return released;
	}

	public Optional<MenuItem> menuItem(String menuItemId) {
		return menu().item(menuItemId);
	}

	public RestaurantId id() {
		return new RestaurantId(id);
	}

	public String name() {
		return name;
	}

	public boolean isOpen() {
		return open;
	}

	public Menu menu() {
		return new Menu(menu);
	}

	public Instant createdAt() {
		return createdAt;
	}

	/**
	 * Grows with every committed change: {@code 0} once a new restaurant is flushed, {@code null} before.
	 * Nullable because Spring Data reads this property to tell a new restaurant from a stored one.
	 */
	public Long version() {
		return version;
	}

	private void record(Function<RestaurantSnapshot, RestaurantEvent> message) {
		messages.add(message);
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
		var trimmed = name.strip();
		if (trimmed.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
		}
		return trimmed;
	}
}
