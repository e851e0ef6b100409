package dev.ftgo.order.web;

/**
 * Implemented by a controller whose request names a field differently from the domain. The domain names the fields
 * of a refused order as the first API version did ({@code lineItems[1].menuItemId}); a later version's client must
 * find the field under the name it sent ({@code items[1].menuItemId}).
 */
public interface RequestFieldNames {

	/** The path of {@code domainField} in this controller's request body. */
	String requestField(String domainField);
}
