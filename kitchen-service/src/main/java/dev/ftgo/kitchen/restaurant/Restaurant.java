package dev.ftgo.kitchen.restaurant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import jakarta.persistence.Version;

/**
 * A restaurant and its menu. It is open when created; {@link #close()} and {@link #open()} change that
 * and refuse to repeat themselves. The menu is replaced as a whole, never edited item by item, so it
 * is always a valid {@link Menu}.
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

	protected Restaurant() {
		// for JPA
	}

	private Restaurant(RestaurantId id, String name, Menu menu, Instant createdAt) {
		this.id = id.value();
		this.name = requireName(name);
		this.open = true;
		this.menu = new ArrayList<>(menu.items());
		this.createdAt = createdAt;
	}

	public static Restaurant create(String name, Menu menu, Instant now) {
		return new Restaurant(RestaurantId.random(), name, menu, now);
	}

	public void replaceMenu(Menu newMenu) {
		// a new list, not clear() + addAll(): Hibernate then deletes and re-inserts the rows instead of
		// updating them position by position, which could briefly duplicate an id and break the unique key
		this.menu = new ArrayList<>(newMenu.items());
	}

	public void close() {
		if (!open) {
			throw new IllegalRestaurantStateException("Restaurant " + id + " is already closed");
		}
		open = false;
	}

	public void open() {
		if (open) {
			throw new IllegalRestaurantStateException("Restaurant " + id + " is already open");
		}
		open = true;
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
