package dev.ftgo.consumer.consumer.web;

import dev.ftgo.consumer.web.MoneyJson;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

record OrderValidationRequest(@NotNull @Valid MoneyJson orderTotal) {
}
