package io.holdfast.server.screening;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A transfer as the platform sends it, for screening; the same snake_case fields as the import
 * CSV. Either {@code recipient_account} or {@code recipient_address} with {@code network}.
 */
@Schema(description = "An outgoing transfer to screen")
public record TransferBody(
    @Schema(example = "t-1", requiredMode = Schema.RequiredMode.REQUIRED) String transferId,
    @Schema(example = "a-1", requiredMode = Schema.RequiredMode.REQUIRED) String senderAccount,
    @Schema(example = "a-2") String recipientAccount,
    @Schema(example = "0xAbC0000000000000000000000000000000000001") String recipientAddress,
    @Schema(example = "ETH") String network,
    @Schema(example = "150000", requiredMode = Schema.RequiredMode.REQUIRED) Long amountMinor,
    @Schema(example = "USDT", requiredMode = Schema.RequiredMode.REQUIRED) String currency,
    @Schema(example = "withdrawal", requiredMode = Schema.RequiredMode.REQUIRED) String channel,
    @Schema(example = "2026-11-25T10:00:00Z") String createdAt) {}
