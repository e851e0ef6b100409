package dev.ftgo.order.order.web;

record OrderV2Created(String orderId, String status) {
}
